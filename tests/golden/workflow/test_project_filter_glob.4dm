// --filter with a glob: the other tests are skipped
