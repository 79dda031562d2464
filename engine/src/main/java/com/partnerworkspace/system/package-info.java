/** Cross-cutting web pieces: serving the UI and its runtime configuration, and problem details for errors. */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package com.partnerworkspace.system;
