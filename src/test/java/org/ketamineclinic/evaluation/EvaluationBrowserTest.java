package org.ketamineclinic.evaluation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.ketamineclinic.support.ApiClient;
import org.ketamineclinic.support.EvaluationCharts;
import org.ketamineclinic.support.BrowserTest;
import org.ketamineclinic.support.ClinicIntegrationTest;

/**
 * The chart's Evaluation tab: a physician runs an evaluation, is refused approval until the
 * relative finding is acknowledged with a reason, then signs off; a nurse cannot sign off.
 */
@ClinicIntegrationTest
class EvaluationBrowserTest extends BrowserTest {

	private static final Pattern DETAIL_URL = Pattern.compile(".*/evaluations/[0-9a-f-]{36}$");

	/** A complete chart (as in {@link EvaluationApiTest}) with a past manic episode: exactly one relative finding. */
	private String patientWithPastMania() {
		return EvaluationCharts.complete(new ApiClient(port), "Browser", "MANIA_HISTORY");
	}

	@Test
	void physicianRunsAnEvaluationAcknowledgesTheRelativeFindingAndApproves() {
		String patient = patientWithPastMania();
		signIn("physician");
		page.navigate("/patients/" + patient);
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Evaluation")).click();
		assertThat(page).hasURL(Pattern.compile(".*/patients/" + patient + "/evaluations$"));
		assertThat(page.locator("main")).containsText("None yet.");

		page.getByLabel("Route").selectOption("IV_KETAMINE");
		page.getByLabel("Indication").selectOption("TRD");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
		assertThat(page).hasURL(DETAIL_URL);
		String detail = page.url();
		assertThat(page.locator("#decision")).hasAttribute("data-decision", "ELIGIBLE_WITH_CAUTIONS");
		assertThat(page.locator("#decision")).containsText("Eligible with cautions");
		assertThat(page.locator("#adequate-trials")).hasText("2");
		assertThat(page.locator("#treatment-resistant")).hasText("Yes");
		assertThat(page.locator("#trials tbody tr")).hasCount(2);
		assertThat(page.locator("#findings-absolute")).hasCount(0);
		Locator mania = page.locator("#findings-relative li[data-rule-id='RAC_REL_MANIA']");
		assertThat(page.locator("#findings-relative li")).hasCount(1);
		assertThat(mania.locator(".finding-source")).containsText("Source:");
		assertThat(mania.locator(".finding-source")).not().hasText(Pattern.compile("^Source:\\s*RAC_REL_MANIA$"));
		assertThat(page.locator("#sign-off-form")).isVisible();
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "evaluation-detail-before-sign-off");

		// Approving without a reason is refused next to the finding.
		page.getByLabel("Approve").check();
		page.getByLabel("Note").fill("Stable for six years.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
		Locator reason = page.locator("#ack-RAC_REL_MANIA");
		assertThat(reason).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#ack-RAC_REL_MANIA-error")).containsText("Acknowledge it with a reason");
		assertThat(page.locator("#findings-relative li[data-rule-id='RAC_REL_MANIA']")).hasClass(Pattern.compile("finding-refused"));
		assertThat(page.locator("#sign-off-problem")).containsText("cannot be approved");
		assertThat(page.getByLabel("Note")).hasValue("Stable for six years.");
		assertThat(page.getByLabel("Approve")).isChecked();
		screenshot(page, "evaluation-detail-refused");

		reason.fill("Euthymic on lithium for six years; psychiatrist agrees.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
		assertThat(page).hasURL(detail);
		assertThat(page.locator(".notice")).containsText("Signed off: APPROVED");
		assertThat(page.locator("#signed-off .signed-line")).hasText(Pattern.compile("Signed off by physician at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}: APPROVED"));
		assertThat(page.locator("#acknowledgements")).containsText("RAC_REL_MANIA");
		assertThat(page.locator("#acknowledgements")).containsText("Euthymic on lithium");
		assertThat(page.locator("#sign-off-form")).hasCount(0);
		assertThat(overflowingCards(page)).isEmpty();
		screenshot(page, "evaluation-detail-after-sign-off");

		page.locator(".back a").click();
		Locator row = page.locator("#evaluations tbody tr");
		assertThat(row).hasCount(1);
		assertThat(row).containsText("Eligible with cautions");
		assertThat(row).containsText("APPROVED by physician");
		assertThat(row).containsText("Current");
		screenshot(page, "evaluation-list");
	}

	@Test
	void aNurseRunsAnEvaluationButSeesNoSignOffForm() {
		String patient = patientWithPastMania();
		signIn("nurse");
		page.navigate("/patients/" + patient + "/evaluations");
		page.getByLabel("Route").selectOption("IM_KETAMINE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
		assertThat(page).hasURL(DETAIL_URL);
		assertThat(page.locator("#decision")).hasAttribute("data-decision", "ELIGIBLE_WITH_CAUTIONS");
		assertThat(page.locator("#findings-relative li[data-rule-id='RAC_REL_MANIA']")).isVisible();
		assertThat(page.locator("#sign-off-form")).hasCount(0);
		assertThat(page.locator("#sign-off-physician-only")).hasText("Awaiting a physician's sign-off.");
		assertThat(page.locator("#trials tbody tr").first()).containsText("150 mg");

		// A medication recorded afterwards makes it out of date: the page says why and offers to evaluate again.
		ApiClient api = new ApiClient(port);
		assertThat(api.post(api.token("nurse"), "/api/v1/patients/" + patient + "/medications",
				Map.of("name", "Lorazepam", "medicationClass", "BENZODIAZEPINE", "dose", "0.5 mg")).status()).isEqualTo(201);
		String stale = page.url();
		page.reload();
		assertThat(page.locator("#out-of-date")).containsText("medication");
		screenshot(page, "evaluation-out-of-date");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate again")).click();
		assertThat(page).hasURL(DETAIL_URL);
		assertThat(page).not().hasURL(stale);
		assertThat(page.locator("#out-of-date")).hasCount(0);
		assertThat(page.locator("#evaluation-h")).containsText("Intramuscular");
		page.locator(".back a").click();
		assertThat(page.locator("#evaluations tbody tr")).hasCount(2);
		assertThat(page.locator("#evaluations tbody tr").nth(1)).containsText("Out of date");
	}

	@Test
	void anEsketamineLabelContraindicationIsMarkedAndCannotBeApproved() {
		ApiClient api = new ApiClient(port);
		String nurse = api.token("nurse");
		String patient = api.post(nurse, "/api/v1/patients", Map.of("givenName", "Ann", "familyName", "Eurysm" + System.nanoTime(),
				"birthDate", "1975-03-03", "sexAtBirth", "MALE", "weightKg", 80, "heightCm", 180)).json().get("id").asString();
		assertThat(api.post(nurse, "/api/v1/patients/" + patient + "/history-findings",
				Map.of("finding", "ANEURYSMAL_VASCULAR_DISEASE", "status", "ACTIVE")).status()).isEqualTo(201);
		signIn("physician");
		page.navigate("/patients/" + patient + "/evaluations");
		page.getByLabel("Route").selectOption("IN_ESKETAMINE");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Evaluate")).click();
		assertThat(page).hasURL(DETAIL_URL);
		assertThat(page.locator("#decision")).hasAttribute("data-decision", "INELIGIBLE");
		Locator aneurysm = page.locator("#findings-absolute li[data-rule-id='ESK_ABS_ANEURYSM']");
		assertThat(aneurysm).containsText("Regulatory — cannot be overridden");
		assertThat(page.locator("#ack-ESK_ABS_ANEURYSM")).hasCount(0);
		page.getByLabel("Approve").check();
		page.getByLabel("Note").fill("Override");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
		assertThat(aneurysm.locator(".finding-error")).containsText("cannot be overridden");
		screenshot(page, "evaluation-label-absolute-refused");
		page.getByLabel("Decline").check();
		page.getByLabel("Note").fill("Aneurysmal vascular disease: esketamine is contraindicated.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
		assertThat(page.locator("#signed-off .signed-line")).containsText("DECLINED");
	}
}
