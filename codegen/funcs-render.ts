// Renders the standalone functions (`funcs/<name>.ts`, user-management-sdk/funcs): one module per
// operation, `usersGet(core, id, options)`, importing only its own row of the operation table, so that a
// bundler keeps exactly the operations an application calls. The resource methods (render.ts) make the
// same call from the same signature (signature.ts).
import type { MethodModel, SdkModel } from './model.js';
import { SpecError } from './spec.js';
import { header, typeImports } from './render.js';
import { doc, exampleArgs, exampleLines, funcName, rowName, signatureOf } from './signature.js';

/** Every operation's method, in the order of the resources. */
function methodsOf(model: SdkModel): MethodModel[] {
  return model.resources.flatMap((r) => r.methods);
}

/** The function files by name, failing on two operations that would get the same function name. */
export function renderFuncs(label: string, model: SdkModel): Map<string, string> {
  const files = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const method of methodsOf(model)) {
    const name = funcName(method);
    const taken = owner.get(name);
    if (taken !== undefined)
      throw new SpecError(
        `${taken} and ${method.operationId} both become the function ${name}(); give one of them an x-sdk-method.`,
      );
    owner.set(name, method.operationId);
    files.set(`funcs/${name}.ts`, renderFunc(label, method));
  }
  files.set('funcs/index.ts', renderFuncsIndex(label, model));
  return files;
}

function renderFunc(label: string, method: MethodModel): string {
  const { row } = method;
  const sig = signatureOf(method);
  const name = funcName(method);
  const runtime = [
    sig.paginated ? 'pageOperation' : 'callOperation',
    'type UserManagementCore',
    'type RequestOptions',
    sig.paginated ? 'type PagePromise' : 'type APIPromise',
  ];
  const lines = [
    ...sig.description,
    '',
    `The standalone form of \`client.${row.sdk.property}.${method.name}()\`, for applications that bundle only the operations they call.`,
    '',
    '@param core - The {@link UserManagementCore} (or a `UserManagementClient`) to send it with.',
    ...sig.params,
    sig.returns,
    '@example',
    '```ts',
    `import { UserManagementCore } from 'user-management-sdk/core';`,
    `import { ${name} } from 'user-management-sdk/funcs';`,
    '',
    `const core = new UserManagementCore({ baseUrl: 'https://api.example.com' });`,
    ...exampleLines(method, `${name}(${['core', exampleArgs(method)].filter(Boolean).join(', ')})`),
    '```',
  ];
  return (
    header(label) +
    [
      `import { ${runtime.join(', ')} } from '../../core/resource.js';`,
      `import { ${rowName(method.operationId)} } from '../operations.js';`,
      ...typeImports([method], '../'),
    ].join('\n') +
    '\n\n' +
    doc(lines) +
    `export function ${name}(${['core: UserManagementCore', ...sig.args].join(', ')}): ${sig.returnType} {\n` +
    `  return ${sig.paginated ? 'pageOperation' : 'callOperation'}(core, '${method.operationId}', ${rowName(method.operationId)}, ${sig.input}, options);\n` +
    `}\n`
  );
}

/** The public names of user-management-sdk/funcs (`funcs/index.ts`). */
function renderFuncsIndex(label: string, model: SdkModel): string {
  return (
    header(label) +
    methodsOf(model)
      .map((m) => `export { ${funcName(m)} } from './${funcName(m)}.js';\n`)
      .join('')
  );
}
