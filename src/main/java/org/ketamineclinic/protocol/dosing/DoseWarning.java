package org.ketamineclinic.protocol.dosing;

/** One warning about a calculated dose, as the API returns it: {code, message}. */
public record DoseWarning(DoseWarningCode code, String message) {
}
