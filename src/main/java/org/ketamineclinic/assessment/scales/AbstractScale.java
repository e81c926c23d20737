package org.ketamineclinic.assessment.scales;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.assessment.Instrument;
import org.ketamineclinic.platform.FieldProblem;
import org.ketamineclinic.platform.InvalidInput;

/**
 * What every scale shares: one answer per item, each answer one of that item's option values. By
 * default the total is the sum of the answers and the severity is the band holding the total;
 * subclasses override {@link #total}, {@link #severity}, {@link #flags} and {@link #ruleProblems}
 * where their scale scores differently.
 */
abstract class AbstractScale implements Scale {

	static final String SUICIDE_RISK = "SUICIDE_RISK";

	private final Instrument instrument;

	private final String title;

	private final boolean selfReport;

	private final String attribution;

	private final String instructions;

	private final @Nullable String panelLoinc;

	private final @Nullable String totalLoinc;

	private final List<Item> items;

	private final List<Band> bands;

	AbstractScale(Instrument instrument, String title, boolean selfReport, String attribution, String instructions,
			@Nullable String panelLoinc, @Nullable String totalLoinc, List<Item> items, List<Band> bands) {
		this.instrument = instrument;
		this.title = title;
		this.selfReport = selfReport;
		this.attribution = attribution;
		this.instructions = instructions;
		this.panelLoinc = panelLoinc;
		this.totalLoinc = totalLoinc;
		this.items = List.copyOf(items);
		this.bands = List.copyOf(bands);
	}

	@Override
	public final Instrument instrument() {
		return instrument;
	}

	@Override
	public final String title() {
		return title;
	}

	@Override
	public final boolean selfReport() {
		return selfReport;
	}

	@Override
	public final String attribution() {
		return attribution;
	}

	@Override
	public final String instructions() {
		return instructions;
	}

	@Override
	public final List<Item> items() {
		return items;
	}

	@Override
	public final @Nullable String panelLoinc() {
		return panelLoinc;
	}

	@Override
	public final @Nullable String totalLoinc() {
		return totalLoinc;
	}

	/** By default from the sum of each item's lowest and highest option. */
	@Override
	public @Nullable Range totalRange() {
		return new Range(items.stream().mapToInt(AbstractScale::lowest).sum(), items.stream().mapToInt(AbstractScale::highest).sum());
	}

	@Override
	public final List<Band> bands() {
		return bands;
	}

	@Override
	public final Score score(List<Integer> answers) {
		int[] values = validated(answers);
		Integer total = total(values);
		return new Score(total, severity(values, total), List.copyOf(flags(values, total)));
	}

	/**
	 * The answers as values after checking the count, then every answer's presence and range (all
	 * problems at once), then the scale's own rules.
	 * @throws InvalidInput naming {@code answers} or each offending {@code answers[i]}
	 */
	final int[] validated(List<Integer> answers) {
		if (answers.size() != items.size()) {
			throw new InvalidInput("answers", instrument + " needs exactly " + items.size()
					+ (items.size() == 1 ? " answer" : " answers") + ", got " + answers.size());
		}
		List<FieldProblem> problems = new ArrayList<>();
		int[] values = new int[items.size()];
		for (int i = 0; i < values.length; i++) {
			Integer answer = answers.get(i);
			Item item = items.get(i);
			if (answer == null) {
				problems.add(new FieldProblem(field(i), "is required"));
			}
			else if (item.options().stream().noneMatch(option -> option.value() == answer)) {
				problems.add(new FieldProblem(field(i), rangeMessage(item)));
			}
			else {
				values[i] = answer;
			}
		}
		if (problems.isEmpty()) {
			problems.addAll(ruleProblems(values));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return values;
	}

	/** Problems beyond count and range, such as an answer to a skipped item; answers are in range here. */
	List<FieldProblem> ruleProblems(int[] values) {
		return List.of();
	}

	@Nullable Integer total(int[] values) {
		return IntStream.of(values).sum();
	}

	/** The band holding the total, or null when the scale has no bands. */
	@Nullable String severity(int[] values, @Nullable Integer total) {
		if (total == null) {
			return null;
		}
		return bands.stream().filter(band -> band.min() <= total && total <= band.max()).map(Band::severity).findFirst().orElse(null);
	}

	List<Score.Flag> flags(int[] values, @Nullable Integer total) {
		return List.of();
	}

	static String field(int index) {
		return "answers[" + index + "]";
	}

	static Band band(int min, int max, String severity) {
		return new Band(min, max, severity);
	}

	/**
	 * Two bands split at a clinic cut-off: {@code below} up to {@code cutoff - 1}, {@code atOrAbove}
	 * from {@code cutoff}. A cut-off outside the range leaves only the band that can occur.
	 */
	static List<Band> splitAt(int cutoff, Range range, String below, String atOrAbove) {
		List<Band> bands = new ArrayList<>();
		if (cutoff > range.min()) {
			bands.add(band(range.min(), Math.min(cutoff - 1, range.max()), below));
		}
		if (cutoff <= range.max()) {
			bands.add(band(Math.max(cutoff, range.min()), range.max(), atOrAbove));
		}
		return bands;
	}

	static int max(int[] values, int fromItem, int toItem) {
		return IntStream.rangeClosed(fromItem, toItem).map(item -> values[item - 1]).max().orElseThrow();
	}

	private static String rangeMessage(Item item) {
		int lowest = lowest(item);
		int highest = highest(item);
		return "must be " + lowest + (highest == lowest + 1 ? " or " : " to ") + highest;
	}

	private static int lowest(Item item) {
		return item.options().stream().mapToInt(Option::value).min().orElseThrow();
	}

	private static int highest(Item item) {
		return item.options().stream().mapToInt(Option::value).max().orElseThrow();
	}
}
