package io.leadflow.enrichment.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a job title, in English or French, as a seniority, a department and whether the person decides. Titles are
 * short and formulaic, so rules on normalised words do better than anything statistical here, and every answer can
 * say which words decided it. The IPOD gazetteer (CC BY 4.0, see {@link TitleWords}) tells location words to ignore
 * ("EMEA Sales Director") and function words this class does not map, which make the department {@code other} rather
 * than unknown.
 *
 * <p>Order matters and is deliberate: an assistant to someone takes no seniority from them ("Assistant to the CEO" is
 * an individual contributor in the executive office); a vice president is not a president; an intern is an intern
 * whatever they intern in; a Chief X Officer is C-level in department X.
 */
public final class JobTitles {

    /** Seniority levels, from the top; wire names are what LeadEnriched carries. */
    public enum Seniority {
        C_LEVEL("c_level"), VP("vp"), DIRECTOR("director"), MANAGER("manager"),
        INDIVIDUAL_CONTRIBUTOR("individual_contributor"), STUDENT("student"), UNKNOWN("unknown");

        private final String wireName;

        Seniority(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /** Departments; wire names are what LeadEnriched carries. */
    public enum Department {
        SALES("sales"), MARKETING("marketing"), ENGINEERING_IT("engineering_it"), PRODUCT("product"), FINANCE("finance"),
        HR("hr"), OPERATIONS("operations"), CUSTOMER_SUCCESS("customer_success"), EXECUTIVE("executive"), OTHER("other"),
        UNKNOWN("unknown");

        private final String wireName;

        Department(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * What a title says: the levels, whether the person is a decision maker (C-level, VP, director or head), and the
     * words that decided each (for RevOps: "seniority from 'vice president'").
     */
    public record Person(Seniority seniority, Department department, boolean decisionMaker, String seniorityEvidence,
                         String departmentEvidence) {
        static final Person UNKNOWN = new Person(Seniority.UNKNOWN, Department.UNKNOWN, false, null, null);
    }

    private record Rule<T>(Pattern pattern, T value) {
    }

    /** A rule that matched, with the words of the title it matched. */
    private record Found<T>(T value, String words) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:/|()\\[\\]&+·•–—_.\"!?*#@]+");

    // Abbreviations and compounds read as words first, so the rules below see one vocabulary.
    private static final Map<String, String> EXPANSIONS = Map.ofEntries(
            Map.entry("sr", "senior"), Map.entry("snr", "senior"), Map.entry("jr", "junior"),
            Map.entry("mgr", "manager"), Map.entry("mngr", "manager"), Map.entry("dir", "director"),
            Map.entry("eng", "engineer"), Map.entry("engr", "engineer"), Map.entry("dev", "developer"),
            Map.entry("exec", "executive"), Map.entry("asst", "assistant"), Map.entry("assoc", "associate"),
            Map.entry("admin", "administrator"), Map.entry("acct", "account"), Map.entry("mktg", "marketing"),
            Map.entry("mkt", "marketing"), Map.entry("ops", "operations"), Map.entry("biz", "business"),
            Map.entry("svp", "senior vice president"), Map.entry("evp", "executive vice president"),
            Map.entry("avp", "assistant vice president"), Map.entry("vp", "vice president"),
            Map.entry("vicepresident", "vice president"), Map.entry("vice-president", "vice president"),
            Map.entry("vice-presidente", "vice president"), Map.entry("cofounder", "founder"),
            Map.entry("co-founder", "founder"), Map.entry("cofondateur", "founder"), Map.entry("co-fondateur", "founder"),
            Map.entry("cofondatrice", "founder"), Map.entry("co-fondatrice", "founder"), Map.entry("fondateur", "founder"),
            Map.entry("fondatrice", "founder"), Map.entry("directrice", "directeur"), Map.entry("responsible", "responsable"),
            Map.entry("ingenieure", "ingenieur"), Map.entry("developpeuse", "developpeur"), Map.entry("chargee", "charge"),
            Map.entry("commerciale", "commercial"), Map.entry("stagiaires", "stagiaire"), Map.entry("apprentie", "apprenti"),
            Map.entry("etudiante", "etudiant"), Map.entry("alternante", "alternant"), Map.entry("presidente", "president"),
            Map.entry("gerante", "gerant"), Map.entry("consultante", "consultant"), Map.entry("analyste", "analyst"),
            Map.entry("technicienne", "technicien"), Map.entry("conseillere", "conseiller"), Map.entry("acheteuse", "acheteur"),
            Map.entry("comptables", "comptable"), Map.entry("generale", "general"), Map.entry("adjointe", "adjoint"),
            Map.entry("hrbp", "hr business partner"), Map.entry("sdr", "sales development representative"),
            Map.entry("bdr", "business development representative"), Map.entry("ae", "account executive"),
            Map.entry("csm", "customer success manager"), Map.entry("pmm", "product marketing manager"),
            Map.entry("devops", "devops engineer"), Map.entry("sre", "site reliability engineer"),
            Map.entry("rh", "hr"), Map.entry("drh", "directeur hr"), Map.entry("daf", "chief financial officer"),
            Map.entry("dsi", "chief information officer"), Map.entry("pdg", "chief executive officer"),
            Map.entry("dg", "directeur general"), Map.entry("dga", "directeur general adjoint"),
            Map.entry("ceo", "chief executive officer"), Map.entry("cto", "chief technology officer"),
            Map.entry("cfo", "chief financial officer"), Map.entry("coo", "chief operating officer"),
            Map.entry("cmo", "chief marketing officer"), Map.entry("cio", "chief information officer"),
            Map.entry("ciso", "chief information security officer"), Map.entry("cro", "chief revenue officer"),
            Map.entry("cpo", "chief product officer"), Map.entry("chro", "chief human resources officer"),
            Map.entry("cco", "chief commercial officer"), Map.entry("cso", "chief sales officer"),
            Map.entry("cdo", "chief data officer"), Map.entry("md", "managing director"));

    private static Pattern words(String regex) {
        return Pattern.compile("(?<=^| )(?:" + regex + ")(?= |$)");
    }

    private static <T> Rule<T> rule(String regex, T value) {
        return new Rule<>(words(regex), value);
    }

    /** Checked in order; the first that matches decides the seniority. */
    private static final List<Rule<Seniority>> SENIORITY = List.of(
            // Students first: "Marketing Intern", "Stagiaire chef de projet".
            rule("intern|internship|interns|trainee|apprentice|student|working student|stagiaire|stage|alternant|alternance"
                    + "|apprenti|apprentissage|etudiant", Seniority.STUDENT),
            // An assistant to a leader, or an executive assistant, supports the leader.
            rule("(?:executive |personal |administrative )?assistante? (?:to|of|du|de la|de l|au|a la|aupres)"
                    + "|executive assistant|personal assistant|office manager|assistante? de direction|secretaire",
                    Seniority.INDIVIDUAL_CONTRIBUTOR),
            // Owners of a product or a process own no company.
            rule("product owner|process owner|account owner", Seniority.INDIVIDUAL_CONTRIBUTOR),
            // An account manager manages accounts, not people (a key account manager too).
            rule("account manager", Seniority.INDIVIDUAL_CONTRIBUTOR),
            rule("vice president", Seniority.VP),
            rule("chief of staff", Seniority.DIRECTOR),
            rule("chief [a-z ]*officer|chief|founder|owner|co owner|president|managing director|managing partner"
                    + "|directeur general|gerant|associe gerant|proprietaire|general counsel"
                    // A partner on their own is a firm's partner; "People Partner" and "HR Business Partner" are not.
                    + "|^(?:senior |equity |founding )?partner$|^associe$", Seniority.C_LEVEL),
            rule("director|directeur|head|heads|general manager|country manager|chef de service|chef de departement",
                    Seniority.DIRECTOR),
            rule("manager|managers|lead|leader|team lead|supervisor|superviseur|responsable|chef de projet|chef d equipe"
                    + "|chef de produit|chef des ventes|chef de secteur|encadrant|foreman|contremaitre", Seniority.MANAGER),
            rule("engineer|developer|analyst|specialist|consultant|associate|representative|rep|coordinator|coordinateur"
                    + "|coordinatrice|executive|administrator|architect|designer|scientist|technician|accountant|officer|agent"
                    + "|advisor|adviser|clerk|writer|recruiter|buyer|planner|assistant|assistante|ingenieur|developpeur|charge"
                    + "|commercial|technicien|comptable|conseiller|acheteur|juriste|redacteur|graphiste|employe|operateur"
                    + "|vendeur|programmer|tester|auditor|controller|controleur|partner|expert|secretary|nurse|teacher"
                    + "|professor|researcher|chercheur|enseignant|doctor|medecin|lawyer|avocat|staff|owner|counsel"
                    + "|receptionist|receptionniste|hacker|gestionnaire|auditeur|auditrice|administrateur|administratrice",
                    Seniority.INDIVIDUAL_CONTRIBUTOR));

    /**
     * A department's words: strong ones name the function ("sales", "Chief Technology Officer", "ressources humaines"),
     * weak ones are role nouns that usually belong to it ("engineer", "accountant"). A strong word anywhere beats a weak
     * one ("Sales Engineer" is in sales); among words of one strength the earliest in the title wins, then the longest
     * ("VP Sales & Marketing" is in sales; "Product Marketing Manager" is in marketing).
     */
    private record DepartmentWords(Department department, Pattern strong, Pattern weak) {
    }

    private static DepartmentWords department(Department department, String strong, String weak) {
        return new DepartmentWords(department, words(strong), weak == null ? null : words(weak));
    }

    private static final List<DepartmentWords> DEPARTMENTS = List.of(
            // A founder who is also a chief officer of a function belongs to that function ("Co-Founder & CTO").
            department(Department.EXECUTIVE, "chief executive officer|founder(?! chief (?!executive))|(?<!product |process |account )owner|co owner"
                    + "|(?<!vice )president|managing director|managing partner|directeur general|general manager|gerant"
                    + "|associe gerant|proprietaire|chief of staff|executive office|direction generale|executive director"
                    + "|executive assistant|assistante? de direction|assistante? to the|country manager", null),
            department(Department.ENGINEERING_IT, "chief (?:technology|information|information security|data|digital|technical)"
                    + " officer|information technology|it|engineering|software|devops|site reliability|informatique"
                    + "|systemes d information|systems|network|reseau|reseaux|infrastructure|cloud|security|securite"
                    + "|cybersecurity|cyber|data|database|qa|quality assurance|helpdesk|help desk|sysadmin"
                    + "|frontend|backend|full stack|fullstack|machine learning|ai|it support|r d|recherche et developpement"
                    + "|tech|si|systemes",
                    "engineer|developer|developpeur|ingenieur|programmer|tester|architect|architecte|web|technician|technicien"
                    + "|technical|technique"),
            department(Department.SALES, "chief revenue officer|chief sales officer|chief commercial officer|sales|sale"
                    + "|selling|account executive|business development|sales development|inside sales|ventes|vente"
                    + "|commercial|commerciale|commerciaux|key account|key accounts|grands comptes|revenue|partnerships"
                    + "|partenariats|channel|pre sales|presales|avant vente|ingenieur d affaires|business developer"
                    + "|revops|solutions? consultant|adv|administration des ventes|charge d affaires|chef de secteur",
                    "account manager|vendeur|representative"),
            department(Department.MARKETING, "chief marketing officer|marketing|product marketing|growth|brand|branding"
                    + "|communication|communications|content|demand generation|demand gen|seo|sem|social media|community"
                    + "|public relations|relations presse|events|evenementiel|marketeur|acquisition|webmarketing"
                    + "|graphic design|graphic designer",
                    "copywriter|redacteur|graphiste"),
            department(Department.PRODUCT, "chief product officer|product|produit|products|ux|ui|user experience"
                    + "|user research|product owner|chef de produit", "designer"),
            department(Department.FINANCE, "chief financial officer|finance|financial|financier|financiere|accounting"
                    + "|comptabilite|controlling|controle de gestion|treasury|tresorerie|tax|fiscal|fiscalite|audit"
                    + "|payroll|billing|facturation|credit|investment|investor relations|administratif et financier",
                    "accountant|comptable|controller|controleur de gestion|tresorier|auditor|auditeur|auditrice"),
            department(Department.HR, "chief human resources officer|chief people officer|hr|human resources|human resource"
                    + "|people|talent|talent acquisition|recruiting|recruitment|recrutement|ressources humaines|paie"
                    + "|formation|training|learning and development|people operations|compensation|benefits",
                    "recruiter|recruteur"),
            department(Department.OPERATIONS, "chief operating officer|operations|operational|operationnel|operationnelle"
                    + "|supply chain|logistics|logistique|procurement|purchasing|achats|production|manufacturing|plant"
                    + "|usine|facilities|quality|qualite|exploitation|maintenance|warehouse|entrepot|transport|fleet"
                    + "|office manager|office management|services generaux|store|magasin|d agence|reception|accueil",
                    "buyer|acheteur|planner|receptionist|receptionniste"),
            department(Department.CUSTOMER_SUCCESS, "customer success|client success|customer service|service client"
                    + "|relation client|relations clients|customer support|support|customer experience|customer care"
                    + "|onboarding|implementation|account management|satisfaction client|sav|customer|client|clients"
                    + "|clientele", null));

    /** Functions with no department of their own (project management, legal), used when nothing above matched. */
    private static final Pattern OTHER_FUNCTIONS = words("project|projet|projects|program|programme|legal|juridique|counsel"
            + "|compliance|conformite|strategy|strategie|consulting|conseil");

    /** IPOD labels "country" a location word, but a Country Manager runs a country. */
    private static final java.util.Set<String> KEPT_PLACE_WORDS = java.util.Set.of("country");

    private final TitleWords words;

    public JobTitles(TitleWords words) {
        this.words = words;
    }

    /** The person a title describes; {@link Person#UNKNOWN} levels for a blank or unreadable title. */
    public Person read(String title) {
        if (title == null || title.isBlank()) {
            return Person.UNKNOWN;
        }
        String text = normalise(title);
        if (text.isBlank()) {
            return Person.UNKNOWN;
        }
        Found<Seniority> seniority = first(SENIORITY, text);
        Match department = departmentOf(text, true);
        if (department == null) {
            department = departmentOf(text, false);
        }
        Seniority level = seniority == null ? Seniority.UNKNOWN : seniority.value();
        java.util.regex.Matcher otherFunction = OTHER_FUNCTIONS.matcher(text);
        Department dept;
        String deptEvidence;
        if (department != null) {
            dept = department.department();
            deptEvidence = department.words();
        } else if (otherFunction.find()) {
            dept = Department.OTHER;
            deptEvidence = otherFunction.group();
        } else if (words.hasFunctionWord(text)) {
            dept = Department.OTHER; // a function the rules do not map ("Legal Counsel", "Store Manager")
            deptEvidence = "function word (IPOD)";
        } else {
            dept = level == Seniority.C_LEVEL ? Department.EXECUTIVE : Department.UNKNOWN;
            deptEvidence = level == Seniority.C_LEVEL ? "executive" : null;
        }
        boolean decides = level == Seniority.C_LEVEL || level == Seniority.VP || level == Seniority.DIRECTOR;
        return new Person(level, dept, decides, seniority == null ? null : seniority.words(), deptEvidence);
    }

    private record Match(Department department, int start, int length, String words) {
    }

    /**
     * The department whose strong words come first in the title (the longest on a tie), or whose weak words come last
     * (a role noun is the title's head: a Technical Recruiter recruits); or null.
     */
    private static Match departmentOf(String text, boolean strong) {
        Match best = null;
        for (DepartmentWords d : DEPARTMENTS) {
            Pattern pattern = strong ? d.strong() : d.weak();
            if (pattern == null) {
                continue;
            }
            java.util.regex.Matcher m = pattern.matcher(text);
            while (m.find()) {
                String found = m.group();
                int start = m.start();
                boolean better = best == null || (strong
                        ? start < best.start() || (start == best.start() && found.length() > best.length())
                        : start > best.start());
                if (better) {
                    best = new Match(d.department(), start, found.length(), found);
                }
            }
        }
        return best;
    }

    private static <T> Found<T> first(List<Rule<T>> rules, String text) {
        for (Rule<T> rule : rules) {
            java.util.regex.Matcher m = rule.pattern().matcher(text);
            if (m.find()) {
                return new Found<>(rule.value(), m.group());
            }
        }
        return null;
    }

    /** Lower case, accents removed, punctuation to spaces, abbreviations expanded, location words dropped. */
    String normalise(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replace('’', ' ').replace('\'', ' ');
        List<String> out = new ArrayList<>();
        for (String token : SEPARATORS.split(plain)) {
            if (token.isEmpty()) {
                continue;
            }
            String expanded = EXPANSIONS.getOrDefault(token, token);
            for (String word : expanded.split("-")) {
                if (!word.isEmpty() && (!words.isLocation(word) || KEPT_PLACE_WORDS.contains(word))) {
                    out.add(EXPANSIONS.getOrDefault(word, word));
                }
            }
        }
        return String.join(" ", out);
    }
}
