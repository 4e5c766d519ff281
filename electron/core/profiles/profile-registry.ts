// The tenant profiles on this computer: the embedded demo tenant (always there, its
// data at the top of the data folder, where it was before profiles existed) and the
// real tenants an admin added, each with a folder of its own under tenants/.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from '../../../shared/ipc/zod';
import { appError, profileSchema, type Profile, type ProfileList } from '../../../shared/ipc';

export const PROFILES_FILE = 'profiles.json';
export const TENANTS_FOLDER = 'tenants';
export const DEMO_PROFILE_ID = 'demo';
export const DEMO_PROFILE_NAME = 'Demo tenant (Contoso)';

const registrySchema = z.object({ schemaVersion: z.literal(1), activeId: z.string(), profiles: z.array(profileSchema) }).strict();
type Registry = z.infer<typeof registrySchema>;

export class ProfileRegistry {
  private registry: Registry;
  private readonly file: string;
  /** Told once at start when the file could not be read (the profiles list then starts over with the demo tenant). */
  readonly startupNotice: string | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.file = path.join(dataDir, PROFILES_FILE);
    const demo: Profile = { id: DEMO_PROFILE_ID, name: DEMO_PROFILE_NAME, kind: 'demo', tenantId: null, createdAt: now().toISOString() };
    let registry: Registry = { schemaVersion: 1, activeId: DEMO_PROFILE_ID, profiles: [demo] };
    if (fs.existsSync(this.file)) {
      try {
        registry = registrySchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
        if (!registry.profiles.some((p) => p.id === DEMO_PROFILE_ID)) registry.profiles.unshift(demo);
        if (!registry.profiles.some((p) => p.id === registry.activeId)) registry.activeId = DEMO_PROFILE_ID;
      } catch {
        const backup = `${this.file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(this.file, backup);
        this.startupNotice = `The list of tenant profiles could not be read. It was kept as ${backup}; the console started on the demo tenant, and each tenant's data is still in ${path.join(dataDir, TENANTS_FOLDER)}.`;
      }
    }
    this.registry = registry;
    this.write();
  }

  list(): ProfileList {
    return { activeId: this.registry.activeId, profiles: this.registry.profiles.map((p) => ({ ...p })) };
  }

  active(): Profile {
    return { ...this.require(this.registry.activeId) };
  }

  get(id: string): Profile | undefined {
    const profile = this.registry.profiles.find((p) => p.id === id);
    return profile && { ...profile };
  }

  /** Where the profile keeps its settings, inventory, audit log, token cache and secrets. */
  dataDirOf(id: string): string {
    const profile = this.require(id);
    return profile.kind === 'demo' ? this.dataDir : path.join(this.dataDir, TENANTS_FOLDER, profile.id);
  }

  /** Adds a real tenant profile and creates its folder; the caller fills in its settings. */
  add(name: string, tenantId: string): Profile {
    this.refuseDuplicateName(name);
    const profile: Profile = { id: crypto.randomBytes(8).toString('hex'), name, kind: 'real', tenantId, createdAt: this.now().toISOString() };
    fs.mkdirSync(path.join(this.dataDir, TENANTS_FOLDER, profile.id), { recursive: true, mode: 0o700 });
    this.registry.profiles.push(profile);
    this.write();
    return { ...profile };
  }

  rename(id: string, name: string): { before: string; after: string } {
    const profile = this.require(id);
    if (profile.name !== name) this.refuseDuplicateName(name);
    const before = profile.name;
    profile.name = name;
    this.write();
    return { before, after: name };
  }

  setTenantId(id: string, tenantId: string): void {
    this.require(id).tenantId = tenantId;
    this.write();
  }

  /** Removes a real profile and everything it kept on this computer. */
  remove(id: string): Profile {
    const profile = this.require(id);
    if (profile.kind === 'demo') {
      throw appError('conflict', 'profile.demoNotRemovable', {}, { field: 'id', rule: 'not the demo tenant' });
    }
    const folder = this.dataDirOf(id);
    this.registry.profiles = this.registry.profiles.filter((p) => p.id !== id);
    if (this.registry.activeId === id) this.registry.activeId = DEMO_PROFILE_ID;
    this.write();
    fs.rmSync(folder, { recursive: true, force: true });
    return { ...profile };
  }

  activate(id: string): Profile {
    const profile = this.require(id);
    this.registry.activeId = id;
    this.write();
    return { ...profile };
  }

  private refuseDuplicateName(name: string): void {
    if (this.registry.profiles.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      throw appError('conflict', 'profile.nameTaken', { name }, { field: 'name', rule: 'unique' });
    }
  }

  private require(id: string): Profile {
    const profile = this.registry.profiles.find((p) => p.id === id);
    if (!profile) throw appError('not_found', 'profile.unknown', { id: id.slice(0, 64) }, { field: 'id', rule: 'a known profile' });
    return profile;
  }

  private write(): void {
    fs.mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.registry, null, 2), { mode: 0o600 });
    fs.renameSync(temporary, this.file);
  }
}
