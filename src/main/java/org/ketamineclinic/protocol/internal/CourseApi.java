package org.ketamineclinic.protocol.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Treatment courses over JSON (api-contract.md, protocols, dosing, courses): thin, the service decides. */
@RestController
class CourseApi {

	private final CourseService courses;

	CourseApi(CourseService courses) {
		this.courses = courses;
	}

	@PostMapping("/api/v1/patients/{patientId}/courses")
	@ResponseStatus(HttpStatus.CREATED)
	CourseService.CourseView create(@PathVariable UUID patientId, @RequestBody CourseService.CourseForm form) {
		return courses.create(patientId, form);
	}

	@GetMapping("/api/v1/patients/{patientId}/courses")
	List<CourseService.CourseSummary> list(@PathVariable UUID patientId) {
		return courses.list(patientId);
	}

	@GetMapping("/api/v1/courses/{id}")
	CourseService.CourseView view(@PathVariable UUID id) {
		return courses.view(id);
	}

	@PostMapping("/api/v1/courses/{id}/sessions/{number}/dose-preview")
	CourseService.DosePreview preview(@PathVariable UUID id, @PathVariable int number,
			@RequestBody(required = false) CourseService.OrderForm form) {
		return courses.preview(id, number, form == null ? new CourseService.OrderForm(null, null, null, null, null, null) : form);
	}

	@PostMapping("/api/v1/courses/{id}/sessions/{number}/order")
	@ResponseStatus(HttpStatus.CREATED)
	CourseService.OrderView sign(@PathVariable UUID id, @PathVariable int number, @RequestBody CourseService.OrderForm form) {
		return courses.signOrder(id, number, form);
	}

	@PostMapping("/api/v1/courses/{id}/orders/{orderId}/void")
	CourseService.CourseView voidOrder(@PathVariable UUID id, @PathVariable UUID orderId,
			@RequestBody CourseService.ReasonForm form) {
		return courses.voidOrder(id, orderId, form);
	}

	@PostMapping("/api/v1/courses/{id}/sessions/{number}/outcome")
	CourseService.CourseView outcome(@PathVariable UUID id, @PathVariable int number, @RequestBody CourseService.OutcomeForm form) {
		return courses.recordOutcome(id, number, form);
	}

	@PostMapping("/api/v1/courses/{id}/titrations")
	CourseService.CourseView titrate(@PathVariable UUID id, @RequestBody CourseService.TitrationForm form) {
		return courses.titrate(id, form);
	}

	@PostMapping("/api/v1/courses/{id}/titration-dismissals")
	CourseService.CourseView dismiss(@PathVariable UUID id, @RequestBody CourseService.ReasonForm form) {
		return courses.dismissSuggestion(id, form);
	}

	@PostMapping("/api/v1/courses/{id}/response-check")
	CourseService.CourseView responseCheck(@PathVariable UUID id, @RequestBody CourseService.ResponseCheckForm form) {
		return courses.checkResponse(id, form);
	}

	@PostMapping("/api/v1/courses/{id}/maintenance-frequency")
	CourseService.CourseView frequency(@PathVariable UUID id, @RequestBody CourseService.FrequencyForm form) {
		return courses.changeFrequency(id, form);
	}

	@PostMapping("/api/v1/courses/{id}/stop")
	CourseService.CourseView stop(@PathVariable UUID id, @RequestBody CourseService.ReasonForm form) {
		return courses.stop(id, form);
	}
}
