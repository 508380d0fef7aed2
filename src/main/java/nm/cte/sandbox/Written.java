package nm.cte.sandbox;

/** The outcome of one POST upsert: the resource's id, its new version, and whether it was created or updated. */
record Written(String id, long version, boolean created) {

    /** 201 or 200, empty, with the Location of the item and its new ETag. */
    Answer answer(String collectionUrl) {
        return Answer.empty(created ? 201 : 200)
                .with("Location", collectionUrl + "/" + id)
                .with("ETag", Versions.etag(version));
    }
}
