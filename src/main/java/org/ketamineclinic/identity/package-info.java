/** Clinics (tenants), staff and patient accounts, roles, sign-in, second factor and API tokens. */
@NullMarked
@ApplicationModule(displayName = "Identity", allowedDependencies = { "platform" })
package org.ketamineclinic.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
