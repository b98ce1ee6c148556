ALERT(String(ERROR)+" in "+ERROR METHOD+" line "+String(ERROR LINE))
