package io.rigstream.odoo.standin.orm;

/** The field types the stand-in's models use, with Odoo's import semantics for each. */
public enum FieldType {
    CHAR, TEXT, HTML, INTEGER, FLOAT, BOOLEAN, DATE, DATETIME, SELECTION, MANY2ONE
}
