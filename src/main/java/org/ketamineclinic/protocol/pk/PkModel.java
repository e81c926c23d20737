package org.ketamineclinic.protocol.pk;

/** The population models of clinical-reference.md section 9, with the label every estimate carries. */
public enum PkModel {

	FANTA_2015("Fanta et al. 2015, healthy volunteers, venous; model estimate", true),
	DOMINO_1984("Domino et al. 1984, healthy volunteers, arterial; model estimate", true),
	PEREZ_RUIXO_2021("Perez-Ruixo et al. 2021, intranasal esketamine, 820 healthy subjects and patients, venous; model estimate", false);

	private final String label;
	private final boolean racemic;

	PkModel(String label, boolean racemic) {
		this.label = label;
		this.racemic = racemic;
	}

	public String label() {
		return label;
	}

	/** Racemic ketamine models take IV infusions and IM injections; the esketamine model takes nasal devices. */
	public boolean racemic() {
		return racemic;
	}
}
