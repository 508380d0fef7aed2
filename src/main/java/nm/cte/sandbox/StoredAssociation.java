package nm.cte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One association as the sandbox holds it: the body last POSTed, its id, its version and its place in creation order. */
record StoredAssociation(String id, long creation, long version, ObjectNode body) {

    StoredAssociation rewritten(ObjectNode newBody, long newVersion) {
        return new StoredAssociation(id, creation, newVersion, newBody);
    }
}
