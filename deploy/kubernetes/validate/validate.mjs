// Validates every resource that deploy/kubernetes' kustomizations list against the schemas of
// Kubernetes, Strimzi and the Prometheus Operator (kubernetes-models), and checks that the files
// the kustomizations name exist. Exits 1 naming each problem.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packages = {
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};
const problems = [];
let checked = 0;

function modulePath(apiVersion) {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const pkg = packages[group] ?? 'kubernetes-models';
  return `${pkg}/${apiVersion}`;
}

async function validateResource(file, index, resource) {
  const where = `${file} #${index + 1} (${resource?.kind ?? '?'} ${resource?.metadata?.name ?? '?'})`;
  if (!resource?.apiVersion || !resource?.kind) {
    problems.push(`${where}: no apiVersion or kind`);
    return;
  }
  let models;
  try {
    models = await import(modulePath(resource.apiVersion));
  } catch (e) {
    problems.push(`${where}: no schema for apiVersion ${resource.apiVersion}`);
    return;
  }
  const Model = models[resource.kind];
  if (!Model) {
    problems.push(`${where}: no schema for kind ${resource.kind} in ${resource.apiVersion}`);
    return;
  }
  try {
    new Model(resource).validate();
    checked++;
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
}

async function validateFile(file) {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  for (const [i, doc] of docs.entries()) {
    if (doc.errors.length > 0) {
      problems.push(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const resource = doc.toJS();
    if (resource !== null) {
      await validateResource(file, i, resource);
    }
  }
}

async function validateKustomization(dir, seen) {
  const file = join(dir, 'kustomization.yaml');
  if (seen.has(file)) return;
  seen.add(file);
  const k = parseAllDocuments(readFileSync(file, 'utf8'))[0].toJS();
  for (const entry of k.resources ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) {
      problems.push(`${file}: resource ${entry} does not exist`);
    } else if (statSync(path).isDirectory()) {
      await validateKustomization(path, seen);
    } else {
      await validateFile(path);
    }
  }
  for (const generator of k.configMapGenerator ?? []) {
    for (const source of generator.files ?? []) {
      const path = resolve(dir, source.includes('=') ? source.split('=')[1] : source);
      if (!existsSync(path)) problems.push(`${file}: configMapGenerator file ${source} does not exist`);
      else if (path.endsWith('.json')) {
        try { JSON.parse(readFileSync(path, 'utf8')); } catch (e) { problems.push(`${path}: ${e.message}`); }
      }
    }
  }
}

const seen = new Set();
for (const overlay of process.argv.slice(2).length ? process.argv.slice(2) : ['examples/seed']) {
  await validateKustomization(join(root, overlay), seen);
}
if (problems.length > 0) {
  console.error(`${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`${checked} resources from ${seen.size} kustomizations match their schemas`);
