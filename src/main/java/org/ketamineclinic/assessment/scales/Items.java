package org.ketamineclinic.assessment.scales;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/** Builders for item and option lists, so that each scale states only its wording. */
final class Items {

	private Items() {
	}

	/** Options valued {@code first}, {@code first + 1}, ... in the order of the labels. */
	static List<Scale.Option> options(int first, String... labels) {
		return IntStream.range(0, labels.length).mapToObj(i -> new Scale.Option(first + i, labels[i])).toList();
	}

	/** Options labelled by their own value, for scales whose anchors are not reproduced. */
	static List<Scale.Option> numbered(int min, int max) {
		return IntStream.rangeClosed(min, max).mapToObj(value -> new Scale.Option(value, String.valueOf(value))).toList();
	}

	/** Items numbered from 1, all with the same options and no LOINC codes. */
	static List<Scale.Item> sharing(List<Scale.Option> options, String... texts) {
		return sharing(options, List.of(texts), null);
	}

	/** Items numbered from 1, all with the same options, with the LOINC code of each (same order). */
	static List<Scale.Item> sharing(List<Scale.Option> options, List<String> texts, @Nullable List<String> loincs) {
		if (loincs != null && loincs.size() != texts.size()) {
			throw new IllegalArgumentException(texts.size() + " items but " + loincs.size() + " LOINC codes");
		}
		List<Scale.Item> items = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			items.add(new Scale.Item(i + 1, texts.get(i), loincs == null ? null : loincs.get(i), options));
		}
		return items;
	}

	/** Items labelled "Item 1" to "Item {count}", for scales whose wording a clinic loads itself. */
	static List<Scale.Item> unlabelled(int count, List<Scale.Option> options) {
		return sharing(options, IntStream.rangeClosed(1, count).mapToObj(number -> "Item " + number).toArray(String[]::new));
	}
}
