/** Builds the embedded database server (FerretDB) into .tools/ unless it is already there. */
import { ensureFerretDB } from '../bff/src/db/ferretdb-build';

console.log(ensureFerretDB((m) => console.log(m)));
