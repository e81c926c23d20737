@NullMarked
package org.ketamineclinic;

import org.jspecify.annotations.NullMarked;
