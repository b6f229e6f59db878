/**
 * models.xhtml: the registry's versions with lineage and held-out accuracy, one version's training
 * curves and accuracy bars (inline SVG drawn here), two versions compared, promotion (with the
 * re-embedding's progress), rollback, purge and CLIP checkpoint import.
 */
package dev.froster.interfaces.faces.models;
