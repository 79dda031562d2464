package com.partnerworkspace.models.internal;

/** The three kinds of model the engine deploys, with the file ending each has in {@code processes/}. */
enum ModelType {
    bpmn(".bpmn"),
    dmn(".dmn"),
    form(".form");

    private final String extension;

    ModelType(String extension) {
        this.extension = extension;
    }

    /** The resource name a model of this kind deploys under, e.g. {@code alert-routing.dmn}. */
    String resourceName(String key) {
        return key + extension;
    }

    static ModelType ofResource(String resourceName) {
        for (ModelType type : values()) {
            if (resourceName.endsWith(type.extension)) {
                return type;
            }
        }
        return null;
    }
}
