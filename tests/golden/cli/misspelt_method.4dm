sayHy
