// An independent SCIM 2.0 service provider for scim-sync's interoperability tests: SCIMMY parses, validates and
// renders every request and answer (schemas, filters, PATCH paths, errors), and scimmy-routers serves RFC 7644's
// endpoints over express. The only code here is the storage SCIMMY leaves to its user: users and groups in memory.
//
// Usage: node server.js PORT TOKEN [PAGE_SIZE]
//   PORT       0 for any free port; the line "listening http://127.0.0.1:<port>/scim" is printed once ready
//   TOKEN      the bearer token clients must present
//   PAGE_SIZE  at most this many resources a list answer holds, whatever count was asked (default 7): a server
//              that pages smaller than asked, as RFC 7644 allows
import express from "express";
import SCIMMY from "scimmy";
import SCIMMYRouters from "scimmy-routers";
import {randomUUID} from "node:crypto";

const [port = "0", token, pageSize = "7"] = process.argv.slice(2);
if (!token) {
    console.error("usage: node server.js PORT TOKEN [PAGE_SIZE]");
    process.exit(2);
}
const maxPage = Number.parseInt(pageSize, 10);

SCIMMY.Config.set({patch: true, filter: {supported: true, maxResults: 200}, sort: false, bulk: false,
    changePassword: false, etag: false});

/** One in-memory store per resource type: id -> resource, as SCIMMY hands it over (without meta). */
function store(Resource) {
    const items = new Map();
    Resource.ingress((resource, instance) => {
        const now = new Date();
        const id = resource.id ?? randomUUID();
        if (resource.id && !items.has(id)) {
            throw new SCIMMY.Types.Error(404, null, `Resource ${id} not found`);
        }
        const previous = items.get(id);
        if (!resource.id) {
            const unique = Resource === SCIMMY.Resources.User ? "userName" : "displayName";
            const taken = [...items.values()].some(i => `${i[unique]}`.toLowerCase() === `${instance[unique]}`.toLowerCase());
            if (taken) {
                throw new SCIMMY.Types.Error(409, "uniqueness", `${unique} ${instance[unique]} is taken`);
            }
        }
        const stored = {...JSON.parse(JSON.stringify(instance)), id,
            meta: {created: previous?.meta.created ?? now, lastModified: now}};
        if (stored.members) {
            stored.members = stored.members.map(m => ({value: m.value, ...(m.display ? {display: m.display} : {})}));
        }
        items.set(id, stored);
        return stored;
    });
    Resource.egress((resource) => {
        if (resource.id) {
            const item = items.get(resource.id);
            if (!item) {
                throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
            }
            return item;
        }
        const all = [...items.values()];
        const matching = resource.filter ? resource.filter.match(all) : all;
        resource.constraints = {...resource.constraints,
            count: Math.min(resource.constraints?.count ?? maxPage, maxPage)};
        return matching;
    });
    Resource.degress((resource) => {
        if (!items.delete(resource.id)) {
            throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
        }
    });
}

store(SCIMMY.Resources.User);
store(SCIMMY.Resources.Group);
SCIMMY.Resources.declare(SCIMMY.Resources.User);
SCIMMY.Resources.declare(SCIMMY.Resources.Group);

const app = express();
app.use("/scim", new SCIMMYRouters({
    type: "bearer",
    docUri: "https://example.com/help/bearer.html",
    handler: (request) => {
        if (request.header("Authorization") !== `Bearer ${token}`) {
            throw new Error("Authorization failed");
        }
        return "test-client";
    }
}));

const server = app.listen(Number.parseInt(port, 10), "127.0.0.1", () => {
    console.log(`listening http://127.0.0.1:${server.address().port}/scim`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
