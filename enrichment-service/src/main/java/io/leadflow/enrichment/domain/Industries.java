package io.leadflow.enrichment.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One industry taxonomy for the free text of forms, files and providers, in English and French ("SaaS", "Logiciel",
 * "Banking", "Banque", "Industrie", "BTP", "Agroalimentaire", GICS sub-industry names ...). The first rule whose words
 * appear wins, so the more specific come first: a REIT is real estate whatever it owns, an electronics retailer is
 * retail, a maker of farm machinery is manufacturing.
 */
public final class Industries {

    /** The taxonomy, with the wire names LeadEnriched and the rules use. */
    public static final List<String> TAXONOMY = List.of("software_internet", "it_services", "hardware_electronics",
            "telecom_media", "financial_services", "healthcare_life_sciences", "manufacturing_industrial", "energy_utilities",
            "materials_chemicals", "retail_consumer", "food_beverage_agriculture", "transport_logistics",
            "construction_real_estate", "professional_services", "education", "public_sector_nonprofit",
            "hospitality_travel_leisure", "other");

    private record Rule(Pattern words, String industry) {
    }

    private static Rule rule(String industry, String regex) {
        return new Rule(Pattern.compile("\\b(?:" + regex + ")\\b"), industry);
    }

    private static final List<Rule> RULES = List.of(
            rule("construction_real_estate", "reit|reits|real estate|immobilier|immobiliere|homebuilding|property management"),
            rule("retail_consumer", "retail|retailer|e commerce|ecommerce|commerce de detail|grande distribution|magasin"
                    + "|merchandise"),
            rule("it_services", "it consulting|it services|services informatiques|esn|ssii|managed services|outsourc\\w*"
                    + "|data processing|infogerance|integrateur|systems integrat\\w*"),
            rule("software_internet", "saas|software|logiciel|logiciels|editeur|cloud|internet|interactive media|platform"
                    + "|plateforme|app|apps|application software|systems software|cybersecurity|cybersecurite|web"),
            rule("hardware_electronics", "semiconductor\\w*|electronic\\w*|electronique|hardware|materiel informatique"
                    + "|communications equipment|technology distributors|peripherals|data storage"),
            rule("financial_services", "bank|banks|banking|banque|banques|bancaire|insurance|assurance|assurances|reinsurance"
                    + "|fintech|finance|financial|financier|financiere|investment|investissement|asset management|gestion d actifs"
                    + "|brokerage|courtage|payment\\w*|paiement\\w*|credit|consumer finance|holdings|exchanges"),
            rule("healthcare_life_sciences", "health|healthcare|health care|sante|medical|medtech|hopital|hospital\\w*"
                    + "|pharma|pharmaceutical\\w*|pharmaceutique|biotech\\w*|life sciences|clinique|managed health"),
            rule("energy_utilities", "energy|energie|oil|gas|petrole|utilities|utility|electric utilities|power|electricite"
                    + "|renewable\\w*|renouvelable\\w*|solar|solaire|water utilities|eau"),
            rule("materials_chemicals", "chemical\\w*|chimie|chimique|materials|materiaux|steel|acier|copper|gold|metal\\w*"
                    + "|mining|mines|packaging|emballage|paper|papier|plastic\\w*|gases|fertilizer\\w*|containers"),
            rule("manufacturing_industrial", "manufactur\\w*|industrie|industriel|industrielle|industrial|industrials"
                    + "|fabrication|machinery|machines|equipment|equipement\\w*|aerospace|aeronautique|defense|automobile\\w*"
                    + "|automotive|conglomerates|electrical components|heavy electrical"),
            rule("food_beverage_agriculture", "food|foods|agroalimentaire|alimentaire|agriculture|agricole|agricultural|farm"
                    + "|beverage\\w*|boissons|brewers|distillers|vintners|drinks|tobacco|packaged foods"),
            rule("transport_logistics", "transport\\w*|logistics|logistique|freight|fret|shipping|airline\\w*|rail|trucking"
                    + "|supply chain|cargo"),
            rule("construction_real_estate", "construction|btp|batiment|building|engineering and construction|travaux publics"),
            rule("telecom_media", "telecom\\w*|telecommunication\\w*|media|medias|broadcasting|cable|satellite|publishing"
                    + "|edition|presse|advertising|publicite|entertainment|divertissement|wireless|games|gaming jeux video"),
            rule("hospitality_travel_leisure", "hotel\\w*|hotellerie|resorts|cruise|restaurant\\w*|restauration|travel"
                    + "|voyage\\w*|tourisme|tourism|leisure|loisirs|casinos|gaming"),
            rule("education", "education|enseignement|formation|training|e learning|edtech|university|universite|school|ecole"),
            rule("public_sector_nonprofit", "government|public sector|secteur public|administration publique|collectivite\\w*"
                    + "|non profit|nonprofit|association|ngo|ong|fondation|foundation"),
            rule("professional_services", "consulting|conseil|consultancy|cabinet|legal|juridique|law|avocats|accounting"
                    + "|comptabilite|expertise comptable|audit|human resource\\w*|ressources humaines|staffing|recrutement"
                    + "|interim|employment services|support services|facilities services|research|marketing services"
                    + "|agency|agence|services aux entreprises|business services|consumer services"),
            rule("retail_consumer", "consumer|consommation|household|personal care|apparel|footwear|luxury|luxe|textile"
                    + "|distributors|distribution|wholesale|negoce|trading companies|cosmetique\\w*|products"));

    private Industries() {
    }

    /** The industry of a free-text description, {@code other} when no rule knows it, null when there is no text. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
        for (Rule rule : RULES) {
            if (rule.words().matcher(t).find()) {
                return rule.industry();
            }
        }
        return "other";
    }
}
