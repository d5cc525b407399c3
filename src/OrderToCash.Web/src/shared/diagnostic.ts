/** One problem in a definition or a rule file, as the server's validator reports it (the record `o2c validate` prints). */
export interface Diagnostic {
  file: string;
  element: string | null;
  line: number | null;
  column: number | null;
  code: string;
  message: string;
  severity: 'Error' | 'Warning';
}
