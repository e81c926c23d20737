/**
 * The evaluation rules engine in plain Java: facts in, findings, missing facts and a decision out.
 * Each rule has a stable id, the routes it applies to and its source (REG, EVID or POLICY). Named
 * so that the protocol module can read the clinic policy (dosing weight, weight age, age rules).
 */
@NullMarked
@NamedInterface("rules")
package org.ketamineclinic.evaluation.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
