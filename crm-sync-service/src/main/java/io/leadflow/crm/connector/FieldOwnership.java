package io.leadflow.crm.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which side wins when Leadflow and the CRM both hold a value for a field. Sales reps correct phone numbers and job
 * titles in the CRM, so by default the CRM owns a record's details once they exist there: Leadflow fills only empty
 * fields. Fields a connection marks {@link Owner#LEADFLOW} are overwritten with Leadflow's value. The lifecycle stage
 * only ever moves forward (a customer is never set back to a sales-qualified lead), whoever owns it.
 */
public final class FieldOwnership {

    public enum Owner { LEADFLOW, CRM }

    /** Lifecycle stages in order (HubSpot's names, which Leadflow uses everywhere). */
    public static final List<String> LIFECYCLE = List.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist");

    private final Map<String, Owner> owners;

    /** @param owners by {@code object.field} ({@code contact.phone}); a field not named is owned by the CRM */
    public FieldOwnership(Map<String, Owner> owners) {
        this.owners = Map.copyOf(owners);
    }

    public static FieldOwnership crmOwnsAll() {
        return new FieldOwnership(Map.of());
    }

    public Owner owner(String object, String field) {
        return owners.getOrDefault(object + "." + field, Owner.CRM);
    }

    /**
     * The fields to write on an existing record: of {@code ours} (Leadflow's values by field), those the CRM lacks,
     * those Leadflow owns and that differ, and the lifecycle when ours is further along. Null values of ours are never
     * written (Leadflow not knowing a phone number does not clear the CRM's).
     */
    public Map<String, String> toWrite(String object, Map<String, String> ours, Map<String, String> theirs) {
        Map<String, String> write = new LinkedHashMap<>();
        ours.forEach((field, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String current = theirs.get(field);
            if ("lifecycle".equals(field)) {
                if (isLater(value, current)) {
                    write.put(field, value);
                }
            } else if (current == null || current.isBlank()
                    || (owner(object, field) == Owner.LEADFLOW && !Objects.equals(value, current))) {
                write.put(field, value);
            }
        });
        return write;
    }

    /** Whether lifecycle {@code next} is after {@code current} (an unknown or empty current is before everything). */
    public static boolean isLater(String next, String current) {
        int n = LIFECYCLE.indexOf(next);
        int c = current == null ? -1 : LIFECYCLE.indexOf(current);
        return n > c;
    }
}
