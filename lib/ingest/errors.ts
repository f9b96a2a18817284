/** Input the edition importer refuses: the message is one line, naming the file and what is wrong. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestError";
  }
}
