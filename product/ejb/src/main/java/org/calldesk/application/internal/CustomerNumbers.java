package org.calldesk.application.internal;

import org.calldesk.application.RefusalCode;
import org.calldesk.application.RequestRefused;
import org.calldesk.domain.model.service.Service;

/** The one rule for a customer number someone types in (Dial up, a ticket without a call). */
final class CustomerNumbers {

    private CustomerNumbers() {
    }

    /** The number, if it is 3 to 20 digits; otherwise a 400 {@code BAD_CUSTOMER_NUMBER} that quotes it (shortened). */
    static String require(String number) {
        if (number == null || !Service.PHONE_NUMBER.matcher(number).matches()) {
            String shown = number == null || number.length() <= 40 ? number : number.substring(0, 40) + "...";
            throw new RequestRefused(RequestRefused.Kind.BAD_INPUT, RefusalCode.BAD_CUSTOMER_NUMBER,
                    "the customer number must be 3 to 20 digits, not '" + shown + "'");
        }
        return number;
    }
}
