Class extends LoopA
