package org.ketamineclinic.fhir.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.ketamineclinic.patient.MedicationClass;

/**
 * What an imported drug is, read from its RxNorm name (the clinical drug's display, such as
 * "Sertraline 50 MG Oral Tablet", or a brand in brackets): the patient module's medication class
 * (clinical reference section 3) and, for antidepressants, the ingredient and the class a trial
 * records (the same words as the chart's trials: SSRI, SNRI, NDRI, NaSSA, TCA, MAOI, ...).
 * Matching is by ingredient or brand word; anything unrecognised has no class.
 */
final class ImportMedications {

	record Antidepressant(String ingredient, String trialClass) {
	}

	/** Ingredient or brand (lower case) to the antidepressant it is; the first match in a name wins. */
	private static final Map<String, Antidepressant> ANTIDEPRESSANTS = new LinkedHashMap<>();

	static {
		ssri("sertraline", "zoloft");
		ssri("fluoxetine", "prozac");
		ssri("escitalopram", "lexapro");
		ssri("citalopram", "celexa");
		ssri("paroxetine", "paxil");
		ssri("fluvoxamine", "luvox");
		add("SNRI", "desvenlafaxine", "pristiq");
		add("SNRI", "venlafaxine", "effexor");
		add("SNRI", "duloxetine", "cymbalta");
		add("SNRI", "levomilnacipran", "fetzima");
		add("NDRI", "bupropion", "wellbutrin");
		add("NaSSA", "mirtazapine", "remeron");
		add("SARI", "trazodone", "desyrel");
		add("SARI", "nefazodone");
		add("Multimodal", "vortioxetine", "trintellix");
		add("Multimodal", "vilazodone", "viibryd");
		add("TCA", "nortriptyline", "pamelor");
		add("TCA", "amitriptyline", "elavil");
		add("TCA", "imipramine", "tofranil");
		add("TCA", "desipramine", "norpramin");
		add("TCA", "clomipramine", "anafranil");
		add("TCA", "doxepin");
		add("TCA", "protriptyline");
		add("TCA", "trimipramine");
		add("MAOI", "phenelzine", "nardil");
		add("MAOI", "tranylcypromine", "parnate");
		add("MAOI", "isocarboxazid", "marplan");
		add("MAOI", "selegiline transdermal", "emsam");
	}

	private static final String[] OPIOIDS = { "oxycodone", "hydrocodone", "morphine", "fentanyl", "tramadol", "codeine",
			"methadone", "buprenorphine", "hydromorphone", "tapentadol", "oxymorphone", "meperidine" };
	private static final String[] BENZODIAZEPINES = { "alprazolam", "lorazepam", "diazepam", "clonazepam", "temazepam",
			"midazolam", "chlordiazepoxide", "oxazepam", "triazolam" };
	private static final String[] STIMULANTS = { "amphetamine", "methylphenidate", "lisdexamfetamine", "dexmethylphenidate",
			"modafinil", "armodafinil" };

	/** "50 MG" in an RxNorm clinical drug name with a single ingredient. */
	private static final Pattern STRENGTH_MG = Pattern.compile("(\\d+(?:\\.\\d+)?) MG(?![/A-Z])", Pattern.CASE_INSENSITIVE);

	private ImportMedications() {
	}

	private static void ssri(String ingredient, String brand) {
		add("SSRI", ingredient, brand);
	}

	private static void add(String trialClass, String ingredient, String... brands) {
		String name = Character.toUpperCase(ingredient.charAt(0)) + ingredient.substring(1);
		Antidepressant drug = new Antidepressant(name, trialClass);
		ANTIDEPRESSANTS.put(ingredient, drug);
		for (String brand : brands) {
			ANTIDEPRESSANTS.put(brand, drug);
		}
	}

	static Optional<Antidepressant> antidepressant(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return ANTIDEPRESSANTS.entrySet().stream().filter(e -> contains(lower, e.getKey())).map(Map.Entry::getValue).findFirst();
	}

	static @Nullable MedicationClass classOf(String name) {
		Optional<Antidepressant> antidepressant = antidepressant(name);
		if (antidepressant.isPresent()) {
			return antidepressant.get().trialClass().equals("MAOI") ? MedicationClass.MAOI : MedicationClass.ANTIDEPRESSANT;
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (any(lower, OPIOIDS)) {
			return MedicationClass.OPIOID;
		}
		if (any(lower, BENZODIAZEPINES)) {
			return MedicationClass.BENZODIAZEPINE;
		}
		if (any(lower, STIMULANTS)) {
			return MedicationClass.PSYCHOSTIMULANT;
		}
		if (contains(lower, "lamotrigine")) {
			return MedicationClass.LAMOTRIGINE;
		}
		return null;
	}

	/** The strength per unit (tablet, capsule) in mg, when the name has exactly one "N MG". */
	static Optional<BigDecimal> strengthMg(String name) {
		Matcher matcher = STRENGTH_MG.matcher(name);
		if (!matcher.find()) {
			return Optional.empty();
		}
		BigDecimal strength = new BigDecimal(matcher.group(1));
		return matcher.find() ? Optional.empty() : Optional.of(strength);
	}

	private static boolean any(String lower, String[] words) {
		for (String word : words) {
			if (contains(lower, word)) {
				return true;
			}
		}
		return false;
	}

	/** Whole words only: "citalopram" must not match inside "escitalopram". */
	private static boolean contains(String lower, String word) {
		return Pattern.compile("(?<![a-z])" + Pattern.quote(word) + "(?![a-z])").matcher(lower).find();
	}
}
