/**
 * The analysts' scenarios: a selection and what its answer must be, written in YAML beside the rules and run by
 * the gate. For a back end: {@link org.ecawizard.scenario.Scenario}. Reading and running them is the engine's own.
 */
package org.ecawizard.scenario;
