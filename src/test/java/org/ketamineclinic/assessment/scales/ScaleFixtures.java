package org.ketamineclinic.assessment.scales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

/** Answer builders and assertions shared by the scale tests. */
final class ScaleFixtures {

	private ScaleFixtures() {
	}

	static Scale scale(Instrument instrument) {
		return Scales.of(instrument, ScaleSettings.DEFAULTS);
	}

	static List<Integer> answers(int... values) {
		return IntStream.of(values).boxed().toList();
	}

	/** Answers from a comma-separated table cell such as {@code "1, 0, 2"}. */
	static List<Integer> parse(String values) {
		return Arrays.stream(values.split(",")).map(value -> Integer.valueOf(value.trim())).toList();
	}

	/** {@code count} answers of {@code value}. */
	static List<Integer> all(int count, int value) {
		return answers(IntStream.range(0, count).map(i -> value).toArray());
	}

	/**
	 * {@code count} answers between {@code min} and {@code max} adding up to {@code total}, filled
	 * from the first item: earlier items reach {@code max} before later ones rise above {@code min}.
	 */
	static List<Integer> summingTo(int total, int count, int min, int max) {
		if (total < count * min || total > count * max) {
			throw new IllegalArgumentException(total + " cannot be made from " + count + " answers " + min + "-" + max);
		}
		int[] values = new int[count];
		int left = total - count * min;
		for (int i = 0; i < count; i++) {
			int raise = Math.min(left, max - min);
			values[i] = min + raise;
			left -= raise;
		}
		return answers(values);
	}

	/** A copy of {@code answers} with item {@code number} (from 1) set to {@code value}. */
	static List<Integer> with(List<Integer> answers, int number, int value) {
		List<Integer> copy = new ArrayList<>(answers);
		copy.set(number - 1, value);
		return copy;
	}

	/** Answers that may hold nulls, which {@link List#of} refuses. */
	static List<Integer> withNulls(Integer... values) {
		return Arrays.asList(values);
	}

	static void assertRejected(Scale scale, List<Integer> answers, FieldProblem... problems) {
		assertThatThrownBy(() -> scale.score(answers))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems()).containsExactly(problems));
	}

	static FieldProblem problem(String field, String message) {
		return new FieldProblem(field, message);
	}
}
