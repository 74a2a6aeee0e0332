package org.calldesk.domain.model.customer;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a caller is according to the CRM, found by the caller's number: what the agent's alert and
 * the call's ticket show (the screen pop). The CRM owns the customer; the contact center keeps
 * only this card, as it was when the call came in.
 *
 * @param id the CRM's id of the customer
 * @param name the name to show
 * @param company the customer's organisation, or null
 * @param url where the agent opens the customer in the CRM, or null
 */
public record Customer(String id, String name, String company, String url) {

    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_URL_LENGTH = 1000;

    public Customer {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(name, "name is required");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a customer id has 1 to " + MAX_ID_LENGTH + " characters");
        }
        name = clip(name, MAX_TEXT_LENGTH);
        company = company == null || company.isBlank() ? null : clip(company, MAX_TEXT_LENGTH);
        url = url == null || url.isBlank() || url.length() > MAX_URL_LENGTH ? null : url;
    }

    public Optional<String> companyName() {
        return Optional.ofNullable(company);
    }

    public Optional<String> link() {
        return Optional.ofNullable(url);
    }

    private static String clip(String text, int max) {
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max);
    }
}
