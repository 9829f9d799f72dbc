// Run by the mongo-init container (mongosh, logged in as root on mongo-0). Idempotent: initiates the
// replica set only if it is not yet, waits for a primary, then creates or updates one user per service
// and one for the gateway (web sessions, rate limits), each with readWrite on its own database only
// (passwords from .env, so rotating one is an edit plus `up`); the services also share personal-data-keys.
const members = ['mongo-0:27017', 'mongo-1:27017', 'mongo-2:27017'];

try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({ _id: 'rs0', members: members.map((host, i) => ({ _id: i, host })) });
  print('replica set rs0 initiated');
}

const deadline = Date.now() + 120000;
while (!rs.status().members.some((m) => m.stateStr === 'PRIMARY')) {
  if (Date.now() > deadline) {
    throw new Error('no primary elected within 120 s');
  }
  sleep(1000);
}

// user changes must go to the primary, wherever it is
const root = encodeURIComponent(process.env.MONGO_ROOT_USERNAME);
const rootPassword = encodeURIComponent(process.env.MONGO_ROOT_PASSWORD);
const admin = new Mongo(`mongodb://${root}:${rootPassword}@${members.join(',')}/admin?replicaSet=rs0&authSource=admin`)
  .getDB('admin');

for (const [user, database, passwordVariable] of [
  ['projects', 'projects', 'MONGO_PROJECTS_PASSWORD'],
  ['contacts', 'contacts', 'MONGO_CONTACTS_PASSWORD'],
  ['events', 'events', 'MONGO_EVENTS_PASSWORD'],
  ['gateway', 'gateway', 'GATEWAY_MONGODB_PASSWORD'],
]) {
  const pwd = process.env[passwordVariable];
  const roles = [{ role: 'readWrite', db: database }];
  // the data subjects' keys (crypto-shredding of personal data in events), shared by the three services
  if (user !== 'gateway') {
    roles.push({ role: 'readWrite', db: 'personal-data-keys' });
  }
  if (admin.getUser(user)) {
    admin.updateUser(user, { pwd, roles });
  } else {
    admin.createUser({ user, pwd, roles });
  }
  print(`user ${user}: readWrite on ${database}`);
}
