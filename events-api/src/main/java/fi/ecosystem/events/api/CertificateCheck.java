package fi.ecosystem.events.api;

import fi.ecosystem.contracts.LocalizedText;
import java.time.LocalDate;

/**
 * The public check of a certificate of attendance's code: the programme, the day it ended and the holder's initials
 * (no more: whoever holds a code learns only what the certificate itself shows).
 */
public record CertificateCheck(boolean valid, LocalizedText programme, LocalDate completedOn, String initials) {
}
