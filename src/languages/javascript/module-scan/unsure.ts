/** Thrown wherever the module scan cannot be sure of its reading: the caller parses the file with oxc instead. */
export class Unsure extends Error {}
