package org.ecawizard.facts;

/** A selected application the held certificate does not get the buyer into: a certificate is to be bought for it. */
public record StillNeeded(String agency) {
}
