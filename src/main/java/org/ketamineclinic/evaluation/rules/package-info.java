/**
 * The evaluation rules engine in plain Java: facts in, findings, missing facts and a decision out.
 * Each rule has a stable id, the routes it applies to and its source (REG, EVID or POLICY).
 */
@NullMarked
package org.ketamineclinic.evaluation.rules;

import org.jspecify.annotations.NullMarked;
