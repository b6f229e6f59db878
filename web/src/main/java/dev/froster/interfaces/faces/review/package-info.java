/** review.xhtml: the review queue, one item at a time or as a grid, with bulk accept. */
package dev.froster.interfaces.faces.review;
