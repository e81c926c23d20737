package org.ketamineclinic.protocol.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The protocol library over JSON: built-in protocols are listed and copied, clinic protocols also edited. */
@RestController
class ProtocolApi {

	private final ProtocolLibrary library;

	ProtocolApi(ProtocolLibrary library) {
		this.library = library;
	}

	@GetMapping("/api/v1/protocols")
	List<ProtocolLibrary.ProtocolView> list() {
		return library.list();
	}

	@GetMapping("/api/v1/protocols/{code}")
	ProtocolLibrary.ProtocolView view(@PathVariable String code) {
		return library.view(code);
	}

	@PostMapping("/api/v1/protocols")
	@ResponseStatus(HttpStatus.CREATED)
	ProtocolLibrary.ProtocolView define(@RequestBody ProtocolLibrary.ProtocolForm form) {
		return library.define(form);
	}

	@PostMapping("/api/v1/protocols/{code}/copies")
	@ResponseStatus(HttpStatus.CREATED)
	ProtocolLibrary.ProtocolView copy(@PathVariable String code, @RequestBody ProtocolLibrary.CopyForm form) {
		return library.copy(code, form);
	}

	@PutMapping("/api/v1/protocols/{code}")
	ProtocolLibrary.ProtocolView update(@PathVariable String code, @RequestBody ProtocolLibrary.ProtocolForm form) {
		return library.update(code, form);
	}
}
