package org.ketamineclinic.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6238 time-based codes, as authenticator apps compute them. */
class TotpTest {

	/** The RFC 6238 SHA-1 test key, "12345678901234567890" in ASCII, base32-encoded. */
	static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void theRfcKeyEncodesToItsWellKnownBase32Form() {
		assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	/** RFC 6238 appendix B, SHA-1 column: the six-digit code is the last six digits of the eight given there. */
	@ParameterizedTest(name = "at {0}s the code is {1}")
	@CsvSource(textBlock = """
			59,          94287082
			1111111109,  07081804
			1111111111,  14050471
			1234567890,  89005924
			2000000000,  69279037
			20000000000, 65353130
			""")
	void producesTheRfc6238TestVectors(long epochSecond, String eightDigits) {
		long step = Totp.stepAt(Instant.ofEpochSecond(epochSecond));

		assertThat(Totp.codeAt(RFC_SECRET, step)).isEqualTo(eightDigits.substring(2));
	}

	@Test
	void at59SecondsTheCodeIs287082() {
		assertThat(Totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
		assertThat(Totp.codeAt(RFC_SECRET, 1)).isEqualTo("287082");
		assertThat(Totp.matchingStep(RFC_SECRET, "287082", Instant.ofEpochSecond(59))).hasValue(1);
	}

	@Test
	void base32MatchesRfc4648WithoutPadding() {
		assertThat(Totp.base32("".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(Totp.base32("fo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXQ");
		assertThat(Totp.base32("foo".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6");
		assertThat(Totp.base32("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
		assertThat(Totp.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
	}

	@Test
	void base32RoundTripsEveryLength() {
		Random random = new Random(6238);
		for (int length = 0; length <= 40; length++) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);

			assertThat(Totp.fromBase32(Totp.base32(bytes))).as("%d bytes", length).isEqualTo(bytes);
		}
	}

	@Test
	void base32DecodingIgnoresCase() {
		assertThat(Totp.fromBase32("gezdgnbvgy3tqojqgezdgnbvgy3tqojq"))
			.isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
	}

	@ParameterizedTest
	@ValueSource(strings = { "GEZDGNBV1", "GEZDGNBV8", "GEZD=GNB", "GEZD GNB" })
	void base32DecodingRefusesCharactersOutsideTheAlphabet(String text) {
		assertThatThrownBy(() -> Totp.fromBase32(text)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void newSecretsAre160BitsAndDiffer() {
		String one = Totp.newSecret();
		String two = Totp.newSecret();

		assertThat(one).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.fromBase32(one)).hasSize(20);
		assertThat(one).isNotEqualTo(two);
	}

	@ParameterizedTest(name = "a code of step {0} relative to now is accepted")
	@ValueSource(longs = { -1, 0, 1 })
	void acceptsTheCurrentStepAndOneEitherSideForClockDrift(long offset) {
		Instant now = Instant.ofEpochSecond(1_111_111_109);
		long current = Totp.stepAt(now);
		String code = Totp.codeAt(RFC_SECRET, current + offset);

		assertThat(Totp.matchingStep(RFC_SECRET, code, now)).hasValue(current + offset);
	}

	@ParameterizedTest(name = "a code of step {0} relative to now is refused")
	@ValueSource(longs = { -3, -2, 2, 3 })
	void refusesCodesTwoOrMoreStepsAway(long offset) {
		Instant now = Instant.ofEpochSecond(1_111_111_109);
		long current = Totp.stepAt(now);
		String code = Totp.codeAt(RFC_SECRET, current + offset);
		assertThat(code).as("the code differs from the accepted ones, so the refusal is meaningful")
			.isNotIn(Totp.codeAt(RFC_SECRET, current - 1), Totp.codeAt(RFC_SECRET, current), Totp.codeAt(RFC_SECRET, current + 1));

		assertThat(Totp.matchingStep(RFC_SECRET, code, now)).isEmpty();
	}

	@Test
	void theWindowMovesWithTheClock() {
		Instant now = Instant.ofEpochSecond(1_111_111_109);
		long current = Totp.stepAt(now);
		String code = Totp.codeAt(RFC_SECRET, current);

		assertThat(Totp.matchingStep(RFC_SECRET, code, now.plusSeconds(Totp.STEP_SECONDS))).hasValue(current);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now.plusSeconds(2L * Totp.STEP_SECONDS))).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, code, now.minusSeconds(2L * Totp.STEP_SECONDS))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "08180", "0818040", "o81804", " 081804", "081 804" })
	void refusesAnythingButSixDigits(String code) {
		assertThat(Totp.matchingStep(RFC_SECRET, code, Instant.ofEpochSecond(1_111_111_109))).isEmpty();
	}

	@Test
	void refusesAMissingCode() {
		assertThat(Totp.matchingStep(RFC_SECRET, null, Instant.ofEpochSecond(1_111_111_109))).isEmpty();
	}

	@Test
	void aCodeFromAnotherSecretIsRefused() {
		Instant now = Instant.ofEpochSecond(1_111_111_109);
		String otherSecret = Totp.base32("09876543210987654321".getBytes(StandardCharsets.US_ASCII));
		String otherCode = Totp.codeAt(otherSecret, Totp.stepAt(now));
		assertThat(otherCode).isNotEqualTo(Totp.codeAt(RFC_SECRET, Totp.stepAt(now)));

		assertThat(Totp.matchingStep(RFC_SECRET, otherCode, now)).isEmpty();
	}

	@Test
	void otpauthUriCarriesTheSecretAndIssuer() {
		assertThat(Totp.otpauthUri("Ketamine Clinic", "nurse", RFC_SECRET)).isEqualTo(
				"otpauth://totp/Ketamine%20Clinic%3Anurse?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Ketamine%20Clinic"
						+ "&algorithm=SHA1&digits=6&period=30");
	}
}
