package org.ketamineclinic.protocol.library;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.ketamineclinic.assessment.ResponseStatus;

/**
 * Titration suggestions from a course's given sessions (clinical reference section 5: escalation
 * in non-responders 0.5, 0.75, 1.0 mg/kg; esketamine dose changes on the efficacy and tolerability
 * of the previous dose). A suggestion is advice to the physician: nothing changes until a physician
 * confirms it, and a confirmed or dismissed suggestion is not offered again for the same session.
 * <ul>
 * <li>{@code TITRATE_DOWN_FOR_TOLERABILITY}: the latest session at the current dose had severe
 * dissociation or a blood-pressure alert; suggest the next step down, if there is one.</li>
 * <li>{@code TITRATE_UP_NO_RESPONSE}: during induction, the last {@code stepUpAfterToleratedSessions}
 * sessions were all at the current dose and all tolerated, and the depression rating shows no
 * response; suggest the next step up, never above the protocol's maximum.</li>
 * </ul>
 * Without a rating against a baseline there is no evidence of non-response, so no step up.
 */
public final class TitrationAdvisor {

	public enum Rule {
		TITRATE_DOWN_FOR_TOLERABILITY, TITRATE_UP_NO_RESPONSE
	}

	/** A session of the course that was given, as the advisor needs it. */
	public record GivenSession(int number, BigDecimal dose, boolean severeDissociation, boolean bloodPressureAlert) {

		public boolean tolerated() {
			return !severeDissociation && !bloodPressureAlert;
		}
	}

	public record Suggestion(Rule rule, BigDecimal fromDose, BigDecimal toDose, int afterSession, String reason) {
	}

	private TitrationAdvisor() {
	}

	/**
	 * @param givenOldestFirst the course's given sessions in order
	 * @param lastDecidedSession the latest session number a titration decision (confirm, dismiss or
	 *        manual change) was recorded after; 0 for none
	 */
	public static Optional<Suggestion> suggest(Protocol protocol, Phase phase, BigDecimal currentDose,
			List<GivenSession> givenOldestFirst, ResponseStatus response, int lastDecidedSession) {
		if (givenOldestFirst.isEmpty()) {
			return Optional.empty();
		}
		GivenSession last = givenOldestFirst.get(givenOldestFirst.size() - 1);
		if (last.number() <= lastDecidedSession) {
			return Optional.empty();
		}
		String unit = " " + protocol.doseUnit().symbol();
		if (!last.tolerated() && last.dose().compareTo(currentDose) == 0) {
			return protocol.stepBelow(currentDose)
				.map(lower -> new Suggestion(Rule.TITRATE_DOWN_FOR_TOLERABILITY, currentDose, lower, last.number(),
						"Session " + last.number() + " at " + plain(currentDose) + unit + " had "
								+ (last.severeDissociation() && last.bloodPressureAlert() ? "severe dissociation and a blood-pressure alert"
										: last.severeDissociation() ? "severe dissociation" : "a blood-pressure alert")
								+ ": step down to " + plain(lower) + unit + "."));
		}
		int needed = protocol.stepUpAfterToleratedSessions();
		if (phase != Phase.INDUCTION || givenOldestFirst.size() < needed || response != ResponseStatus.NOT_RESPONDING) {
			return Optional.empty();
		}
		List<GivenSession> recent = givenOldestFirst.subList(givenOldestFirst.size() - needed, givenOldestFirst.size());
		boolean allTolerated = recent.stream().allMatch(s -> s.tolerated() && s.dose().compareTo(currentDose) == 0);
		if (!allTolerated) {
			return Optional.empty();
		}
		return protocol.stepAbove(currentDose)
			.map(higher -> new Suggestion(Rule.TITRATE_UP_NO_RESPONSE, currentDose, higher, last.number(),
					"No response after " + needed + " tolerated sessions at " + plain(currentDose) + unit + ": step up to "
							+ plain(higher) + unit + " (protocol maximum " + plain(protocol.maxDose()) + unit + ")."));
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
