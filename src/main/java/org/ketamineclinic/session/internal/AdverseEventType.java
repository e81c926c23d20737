package org.ketamineclinic.session.internal;

/**
 * Side effects to capture (clinical reference section 6). Chest pain and neurological signs, and a
 * severe headache, are emergencies in the esketamine label's words.
 */
enum AdverseEventType {
	DISSOCIATION, SEDATION, NAUSEA_OR_VOMITING, DIZZINESS, DISORIENTATION, HEADACHE, BLOOD_PRESSURE_RISE, ANXIETY,
	PSYCHOTIC_SYMPTOMS, RESPIRATORY_DEPRESSION, BLADDER_SYMPTOMS, MISUSE, CHEST_PAIN, NEUROLOGICAL_SIGNS, OTHER;

	boolean emergency(AdverseEventSeverity severity) {
		return this == CHEST_PAIN || this == NEUROLOGICAL_SIGNS || (this == HEADACHE && severity == AdverseEventSeverity.SEVERE);
	}
}
