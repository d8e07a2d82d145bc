package org.ecawizard.facts;

/** A product to buy for a candidate type. */
public record Product(String type, String name, String storage, String validity, String price, String source) {
}
