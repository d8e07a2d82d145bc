/** Not API. The analysts' scenarios read from YAML beside the rules, and run by the gate. */
package org.ecawizard.engine.internal.scenario;
