// The Action never migrates (operators run `registry-sync migrate`), so the bundle swaps
// @mikro-orm/migrations for this stand-in: the real package brings umzug and its command-line
// tooling, about a megabyte, into a file every workflow run loads. Only what the shared ORM
// configuration touches at run time is here.

/** Registers nothing, so `orm.getMigrator()` is not available inside the Action. */
export const Migrator = {
  register(): void {},
};

/** Base class of the migrations listed in the configuration; never instantiated here. */
export class Migration {}
