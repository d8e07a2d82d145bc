/**
 * A selection in, an answer out. For a back end: {@link org.ecawizard.advice.Choice} (what a buyer selected),
 * {@link org.ecawizard.advice.Recommendation} (the answer) and the refusals, all {@link
 * org.ecawizard.advice.SelectionRefusedException}. The advisor and the decision log's line are the engine's own.
 */
package org.ecawizard.advice;
