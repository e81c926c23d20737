@NullMarked
package org.ketamineclinic.therapy.internal;

import org.jspecify.annotations.NullMarked;
