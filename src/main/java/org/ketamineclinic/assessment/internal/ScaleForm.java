package org.ketamineclinic.assessment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.assessment.scales.Scale;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

/**
 * A scale as a web form: one fieldset of radio buttons per item, named {@code q1} to {@code qN},
 * with the answers given so far and each item's problem next to it. Shared by the chart (staff)
 * and the portal (patients); also the wording of scales and severities for people.
 */
final class ScaleForm {

	/** The form field of item {@code number} (1-based). */
	static final String FIELD_PREFIX = "q";

	record OptionView(int value, String label, boolean checked) {
	}

	/**
	 * One question. {@code showIf} names the item and answer it depends on ("q2=1"), for the
	 * script that hides skipped questions; null when the item is always asked.
	 */
	record ItemView(int number, String name, String text, List<OptionView> options, @Nullable String error,
			@Nullable String showIf) {

		/** Options labelled by their numbers only (QIDS-SR16, MADRS), laid out side by side. */
		public boolean numeric() {
			return options.stream().allMatch(option -> option.label().length() <= 3);
		}
	}

	record FormView(Instrument instrument, String shortName, String title, String instructions, String attribution,
			boolean selfReport, List<ItemView> items, @Nullable String formError, int answered) {
	}

	private ScaleForm() {
	}

	static FormView of(Scale scale, List<@Nullable Integer> answers, Map<Integer, String> errors) {
		List<ItemView> items = new ArrayList<>();
		int answered = 0;
		for (int i = 0; i < scale.items().size(); i++) {
			Scale.Item item = scale.items().get(i);
			Integer answer = i < answers.size() ? answers.get(i) : null;
			if (answer != null) {
				answered++;
			}
			List<OptionView> options = item.options().stream()
				.map(option -> new OptionView(option.value(), option.label(), answer != null && answer == option.value()))
				.toList();
			items.add(new ItemView(item.number(), FIELD_PREFIX + item.number(), item.text(), options, errors.get(i),
					showIf(scale.instrument(), item.number())));
		}
		return new FormView(scale.instrument(), shortName(scale.instrument()), scale.title(), scale.instructions(),
				scale.attribution(), scale.selfReport(), items, errors.get(-1), answered);
	}

	static FormView blank(Scale scale) {
		return of(scale, List.of(), Map.of());
	}

	/** The answers in item order from the posted fields; an item not answered (or not a number) is null. */
	static List<@Nullable Integer> read(Scale scale, Map<String, String> fields) {
		List<@Nullable Integer> answers = new ArrayList<>();
		for (Scale.Item item : scale.items()) {
			String value = fields.get(FIELD_PREFIX + item.number());
			Integer answer = null;
			if (value != null && !value.isBlank()) {
				try {
					answer = Integer.valueOf(value.strip());
				}
				catch (NumberFormatException notANumber) {
					answer = null;
				}
			}
			answers.add(answer);
		}
		return answers;
	}

	/**
	 * Questions the scale skips count as "no" when left unanswered: on the C-SSRS screener,
	 * questions 3 to 5 when question 2 is no, question 7 when question 6 is no. Answers that were
	 * given are kept, so a contradiction still reaches the scoring and is refused there.
	 */
	static List<@Nullable Integer> withSkippedItems(Instrument instrument, List<@Nullable Integer> answers) {
		if (instrument != Instrument.CSSRS_SCREENER || answers.size() != 7) {
			return answers;
		}
		List<@Nullable Integer> filled = new ArrayList<>(answers);
		if (Integer.valueOf(0).equals(filled.get(1))) {
			for (int i = 2; i <= 4; i++) {
				if (filled.get(i) == null) {
					filled.set(i, 0);
				}
			}
		}
		if (Integer.valueOf(0).equals(filled.get(5)) && filled.get(6) == null) {
			filled.set(6, 0);
		}
		return filled;
	}

	private static @Nullable String showIf(Instrument instrument, int number) {
		if (instrument == Instrument.CSSRS_SCREENER) {
			if (number >= 3 && number <= 5) {
				return FIELD_PREFIX + "2=1";
			}
			if (number == 7) {
				return FIELD_PREFIX + "6=1";
			}
		}
		return null;
	}

	/** Problems by item index ({@code answers[i]}); anything else under -1, for the top of the form. */
	static Map<Integer, String> errors(InvalidInput invalid) {
		Map<Integer, String> errors = new HashMap<>();
		for (FieldProblem problem : invalid.problems()) {
			Integer index = itemIndex(problem.field());
			String message = "is required".equals(problem.message()) ? "Please choose an answer." : sentence(problem.message());
			if (index == null) {
				message = ("answers".equals(problem.field()) || "instrument".equals(problem.field()) ? "" : problem.field() + ": ")
						+ message;
				errors.merge(-1, message, (a, b) -> a + " " + b);
			}
			else {
				errors.merge(index, message, (a, b) -> a + " " + b);
			}
		}
		return Collections.unmodifiableMap(errors);
	}

	private static @Nullable Integer itemIndex(String field) {
		if (field.startsWith("answers[") && field.endsWith("]")) {
			try {
				return Integer.valueOf(field.substring("answers[".length(), field.length() - 1));
			}
			catch (NumberFormatException notAnIndex) {
				return null;
			}
		}
		return null;
	}

	private static String sentence(String message) {
		String text = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
		return text.endsWith(".") ? text : text + ".";
	}

	/** The name clinicians use for a scale, such as "PHQ-9". */
	static String shortName(Instrument instrument) {
		return switch (instrument) {
			case PHQ9 -> "PHQ-9";
			case GAD7 -> "GAD-7";
			case PCL5 -> "PCL-5";
			case QIDS_SR16 -> "QIDS-SR16";
			case MADRS -> "MADRS";
			case CSSRS_SCREENER -> "C-SSRS screener";
			case CADSS -> "CADSS";
			case MOAAS -> "MOAA/S";
			case ALDRETE -> "Modified Aldrete";
			case BPRS_POSITIVE -> "BPRS positive";
		};
	}

	/** "MODERATELY_SEVERE" as "Moderately severe"; a dash for none. */
	static String severityLabel(@Nullable String severity) {
		if (severity == null || severity.isBlank()) {
			return "—";
		}
		String words = severity.replace('_', ' ').toLowerCase(Locale.ROOT);
		words = words.replace("ptsd", "PTSD");
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * The severity in the words a patient reads on their result, for symptom scales only; null
	 * where a label could read as a diagnosis (PCL-5) or the scale has none, so the care team
	 * explains it instead.
	 */
	static @Nullable String plainSeverity(Instrument instrument, @Nullable String severity) {
		if (severity == null || instrument == Instrument.PCL5 || instrument == Instrument.CSSRS_SCREENER) {
			return null;
		}
		return switch (severity) {
			case "NONE" -> "none or very mild";
			case "MINIMAL" -> "minimal";
			case "MILD" -> "mild";
			case "MODERATE" -> "moderate";
			case "MODERATELY_SEVERE" -> "moderately severe";
			case "SEVERE" -> "severe";
			case "VERY_SEVERE" -> "very severe";
			default -> null;
		};
	}
}
