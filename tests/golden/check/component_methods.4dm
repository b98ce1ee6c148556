// check resolves the shared methods of the components a host project loads (golden: ../framework/components_deps)
