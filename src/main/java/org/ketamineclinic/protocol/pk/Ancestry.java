package org.ketamineclinic.protocol.pk;

/**
 * The ancestry covariates of Perez-Ruixo 2021: Asian subjects eliminate more slowly (kel x 0.36);
 * Japanese subjects, who are also Asian, in addition absorb more nasally (FRn x 1.34).
 */
public enum Ancestry {
	ASIAN, JAPANESE, OTHER
}
