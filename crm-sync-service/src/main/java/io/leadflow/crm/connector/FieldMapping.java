package io.leadflow.crm.connector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which CRM property holds each Leadflow field, per object, for one connection. Each connector ships its CRM's
 * defaults ({@code HubSpotConnector.DEFAULT_FIELDS}, …); a connection overrides single entries in configuration
 * ({@code leadflow.crm.connections.<name>.fields."contact.jobTitle"=title}), and an empty value leaves the field out.
 *
 * <p>Leadflow field names: account {@code name, domain, externalId}; contact {@code email, firstName, lastName,
 * jobTitle, phone, lifecycle, externalId}; opportunity {@code name, stage, closeDate, amount, ownerId, description,
 * leadId, lossReason}.
 */
public record FieldMapping(Map<String, String> account, Map<String, String> contact, Map<String, String> opportunity) {

    public enum CrmObject { ACCOUNT, CONTACT, OPPORTUNITY }

    public FieldMapping {
        account = Map.copyOf(account);
        contact = Map.copyOf(contact);
        opportunity = Map.copyOf(opportunity);
    }

    /** The CRM property of a Leadflow field, null when the connection does not map it. */
    public String property(CrmObject object, String field) {
        String property = of(object).get(field);
        return property == null || property.isBlank() ? null : property;
    }

    public Map<String, String> of(CrmObject object) {
        return switch (object) {
            case ACCOUNT -> account;
            case CONTACT -> contact;
            case OPPORTUNITY -> opportunity;
        };
    }

    /**
     * This mapping with overrides keyed {@code object.field} ({@code contact.jobTitle}, {@code opportunity.amount});
     * an unknown object is an {@link IllegalArgumentException} naming the key, so a typo fails at start-up.
     */
    public FieldMapping withOverrides(Map<String, String> overrides) {
        Map<String, String> a = new LinkedHashMap<>(account);
        Map<String, String> c = new LinkedHashMap<>(contact);
        Map<String, String> o = new LinkedHashMap<>(opportunity);
        overrides.forEach((key, property) -> {
            int dot = key.indexOf('.');
            String object = dot < 0 ? key : key.substring(0, dot);
            String field = dot < 0 ? "" : key.substring(dot + 1);
            if (field.isEmpty()) {
                throw new IllegalArgumentException("field mapping key '" + key + "' must be <object>.<field>");
            }
            String value = property == null ? "" : property.trim();
            switch (object) {
                case "account" -> a.put(field, value);
                case "contact" -> c.put(field, value);
                case "opportunity" -> o.put(field, value);
                default -> throw new IllegalArgumentException("field mapping key '" + key
                        + "': object must be account, contact or opportunity");
            }
        });
        return new FieldMapping(a, c, o);
    }
}
