/**
 * De-identified research export of the outcomes read model: pseudonyms instead of ids, dates
 * shifted per patient, ages over 89 grouped, no names, contact data, record numbers or free text.
 */
@NullMarked
package org.ketamineclinic.outcomes.research;

import org.jspecify.annotations.NullMarked;
